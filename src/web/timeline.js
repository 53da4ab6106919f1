// The timeline: events per day or week as bars, fatalities as a line, on a canvas. Dragging
// across it picks a period, which becomes the from/to filter of everything else.
const DAY = 86_400_000;

const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Days summed into ISO weeks (Monday first). */
function byWeek(rows) {
  const weeks = new Map();
  for (const r of rows) {
    const monday = r.t - ((new Date(r.t).getUTCDay() + 6) % 7) * DAY;
    const w = weeks.get(monday) ?? { t: monday, events: 0, fatalities: 0 };
    w.events += r.events;
    w.fatalities += r.fatalities;
    weeks.set(monday, w);
  }
  return [...weeks.values()].sort((a, b) => a.t - b.t);
}

export class Timeline {
  constructor(canvas, { onBrush }) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.onBrush = onBrush;
    this.points = [];
    this.step = DAY;
    this.range = null;
    this.brush = null;
    this.bindInput();
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
  }

  /** points: [{ period, events, fatalities }]; range: the selected [from, to] or null. */
  setData(points, interval, range) {
    let rows = points.map((p) => ({ t: dayOf(p.period), events: p.events, fatalities: p.fatalities }));
    this.step = interval === "week" ? 7 * DAY : DAY;
    // Over a long span, days are thinner than a pixel: sum them into weeks.
    if (this.step === DAY && rows.length > 1 && rows[rows.length - 1].t - rows[0].t > 400 * DAY) {
      rows = byWeek(rows);
      this.step = 7 * DAY;
    }
    this.points = rows;
    this.range = range;
    this.draw();
  }

  domain() {
    if (this.points.length === 0) return null;
    const t0 = this.points[0].t;
    const t1 = this.points[this.points.length - 1].t + this.step;
    return [t0, Math.max(t1, t0 + 7 * DAY)];
  }

  layout() {
    const r = this.canvas.getBoundingClientRect();
    return { width: Math.max(1, r.width), height: Math.max(1, r.height), left: 36, right: 40, top: 8, bottom: 22 };
  }

  xOf(t, L, d) {
    return L.left + ((t - d[0]) / (d[1] - d[0])) * (L.width - L.left - L.right);
  }

  tOf(x, L, d) {
    return d[0] + ((x - L.left) / (L.width - L.left - L.right)) * (d[1] - d[0]);
  }

  draw() {
    const L = this.layout();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(L.width * dpr);
    this.canvas.height = Math.round(L.height * dpr);
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, L.width, L.height);
    const d = this.domain();
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#666";
    if (!d) {
      ctx.fillText("No dated events match.", L.left, L.height / 2);
      return;
    }
    const maxE = Math.max(1, ...this.points.map((p) => p.events));
    const maxF = Math.max(1, ...this.points.map((p) => p.fatalities));
    const h = L.height - L.top - L.bottom;
    const barW = Math.max(1, this.xOf(d[0] + this.step, L, d) - this.xOf(d[0], L, d) - 1);
    if (this.range) {
      ctx.fillStyle = "rgba(31,119,180,0.12)";
      const x0 = this.xOf(dayOf(this.range[0]), L, d);
      const x1 = this.xOf(dayOf(this.range[1]) + DAY, L, d);
      ctx.fillRect(x0, L.top, x1 - x0, h);
    }
    ctx.fillStyle = "#4a78a8";
    for (const p of this.points) {
      const bh = (p.events / maxE) * h;
      ctx.fillRect(this.xOf(p.t, L, d), L.top + h - bh, barW, bh);
    }
    ctx.strokeStyle = "#c0392b";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    this.points.forEach((p, i) => {
      const x = this.xOf(p.t, L, d) + barW / 2;
      const y = L.top + h - (p.fatalities / maxF) * h;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    this.axes(L, d, h, maxE, maxF);
    if (this.brush) {
      ctx.fillStyle = "rgba(0,0,0,0.15)";
      ctx.fillRect(Math.min(this.brush.x0, this.brush.x1), L.top, Math.abs(this.brush.x1 - this.brush.x0), h);
    }
  }

  axes(L, d, h, maxE, maxF) {
    const ctx = this.ctx;
    ctx.fillStyle = "#666";
    ctx.textAlign = "right";
    ctx.fillText(String(maxE), L.left - 4, L.top + 9);
    ctx.fillText("0", L.left - 4, L.top + h);
    ctx.textAlign = "left";
    ctx.fillStyle = "#c0392b";
    ctx.fillText(String(maxF), L.width - L.right + 4, L.top + 9);
    ctx.fillStyle = "#666";
    const ticks = Math.max(2, Math.floor((L.width - L.left - L.right) / 110));
    for (let i = 0; i <= ticks; i++) {
      const t = d[0] + ((d[1] - d[0]) * i) / ticks;
      const x = this.xOf(t, L, d);
      ctx.textAlign = i === 0 ? "left" : i === ticks ? "right" : "center";
      ctx.fillText(isoOf(t), x, L.height - 6);
    }
    ctx.textAlign = "left";
  }

  bindInput() {
    const c = this.canvas;
    const xAt = (e) => e.clientX - c.getBoundingClientRect().left;
    c.addEventListener("pointerdown", (e) => {
      if (!this.domain()) return;
      this.brush = { x0: xAt(e), x1: xAt(e) };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener("pointermove", (e) => {
      if (!this.brush) return;
      this.brush.x1 = xAt(e);
      this.draw();
    });
    c.addEventListener("pointerup", () => {
      const b = this.brush;
      this.brush = null;
      const d = this.domain();
      if (!b || !d || Math.abs(b.x1 - b.x0) < 4) return this.draw();
      const L = this.layout();
      const [a, z] = [Math.min(b.x0, b.x1), Math.max(b.x0, b.x1)].map((x) => Math.min(d[1] - 1, Math.max(d[0], this.tOf(x, L, d))));
      this.onBrush(isoOf(a), isoOf(z));
    });
  }
}
