// The event table: sortable by any column, rows open the event.
import { clear, el, where } from "./dom.js";

const SHOWN = 500;

const KEYS = {
  id: (e) => e.id,
  date: (e) => e.date || "9999",
  subType: (e) => `${e.type} ${e.subType}`,
  where: (e) => where(e),
  actors: (e) => e.actors.join(" "),
  fatalities: (e) => e.fatalities ?? -1,
  status: (e) => e.status,
};

export class EventTable {
  constructor(table, note, { onOpen }) {
    this.table = table;
    this.note = note;
    this.onOpen = onOpen;
    this.rows = [];
    this.sort = { key: "date", dir: -1 };
    table.querySelector("thead").addEventListener("click", (ev) => {
      const key = ev.target.closest("th")?.dataset.sort;
      if (!key) return;
      this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : key === "fatalities" || key === "date" ? -1 : 1 };
      this.render();
    });
  }

  /** label: the total as shown ("10000+" when the server stopped counting). */
  setEvents(events, total, label = String(total)) {
    this.rows = events;
    this.total = total;
    this.label = label;
    this.render();
  }

  render() {
    const key = KEYS[this.sort.key];
    const sorted = [...this.rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * this.sort.dir;
    });
    for (const th of this.table.querySelectorAll("th")) th.dataset.dir = th.dataset.sort === this.sort.key ? (this.sort.dir > 0 ? "asc" : "desc") : "";
    const body = clear(this.table.querySelector("tbody"));
    for (const e of sorted.slice(0, SHOWN)) {
      const tr = el(
        "tr",
        { dataset: { id: String(e.id) }, tabindex: 0, onclick: () => this.onOpen(e), onkeydown: (k) => k.key === "Enter" && this.onOpen(e) },
        el("td", { text: String(e.id) }),
        el("td", { text: e.date || "—" }),
        el("td", { title: e.type, text: e.subType }),
        el("td", { text: where(e) }),
        el("td", { text: e.actors.join(" vs ") }),
        el("td", { class: "num", text: e.fatalities === null ? "—" : String(e.fatalities) }),
        el("td", { class: `status ${e.status}`, text: e.status === "machine" ? "" : e.status }),
      );
      body.append(tr);
    }
    const shown = Math.min(SHOWN, sorted.length);
    this.note.textContent = this.total > shown ? `${shown} of ${this.label} events shown; narrow the filters or export the view for all.` : `${this.label} event${this.total === 1 ? "" : "s"}.`;
  }
}
