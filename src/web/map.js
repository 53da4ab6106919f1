// An offline map on a canvas: Natural Earth country boundaries (world-atlas TopoJSON, decoded
// here) in the Natural Earth projection, events as points sized by fatalities and coloured by
// type. The boundaries are projected once into Path2D objects; zoom and pan only change the
// canvas transform, so 10,000 points redraw in a few milliseconds. Province (admin-1) borders
// are fetched the first time the map is zoomed in past ADMIN1_ZOOM, and drawn only from there:
// the world view stays clean and costs nothing extra.
import { TYPE_COLOURS } from "./filters.js";

const RAD = Math.PI / 180;
/** Province borders show from this zoom, relative to the whole world filling the canvas. */
const ADMIN1_ZOOM = 2;
const ADMIN1_URL = "/world/admin1-boundaries.json";
/** The world from 85° N to 55° S, in projected units: what `fit` frames with no events. */
const WORLD_BOX = [-2.6, -1.45, 2.6, 1.0];
const FIT_PAD = 0.35;

/** Natural Earth projection (Šavrič et al. 2011), in unit coordinates, y up. */
export function project(lon, lat) {
  const l = lon * RAD;
  const p = lat * RAD;
  const p2 = p * p;
  const p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [x, y];
}

/** TopoJSON → [{ name, rings: [[lon, lat], …][] }]: delta-decoded arcs joined into rings. */
export function decodeTopology(topo, objectName) {
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      for (let k = points.length > 0 ? 1 : 0; k < arc.length; k++) points.push(arc[k]);
    }
    return points;
  };
  return topo.objects[objectName].geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { id: g.id, name: g.properties?.name ?? "", rings: polygons.flatMap((poly) => poly.map(ring)) };
  });
}

/**
 * A ring cut at the antimeridian (Chukotka, Fiji) jumps from 180° to -180°: drawn as is, it
 * paints a band across the world. Continuing past 180° keeps the ring whole; the ring is then
 * moved back so that most of it lies in -180…180.
 */
export function unwrap(ring) {
  let shift = 0;
  const out = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
  const mean = out.reduce((n, p) => n + p[0], 0) / Math.max(1, out.length);
  const back = mean > 180 ? -360 : mean < -180 ? 360 : 0;
  return back === 0 ? out : out.map(([lon, lat]) => [lon + back, lat]);
}

/**
 * data/admin1-boundaries.json → one Path2D of projected lines. Each line is its first point then
 * deltas, in integer units of 1/scale degree (scripts/build-admin1-boundaries.mjs).
 */
export function admin1Path(data) {
  const path = new Path2D();
  const scale = data.scale || 1;
  for (const line of data.lines) {
    let gx = 0;
    let gy = 0;
    let prevLon = null;
    for (let i = 0; i + 1 < line.length; i += 2) {
      gx += line[i];
      gy += line[i + 1];
      const lon = gx / scale;
      const [x, y] = project(lon, gy / scale);
      // Never draw a segment across the whole map at the antimeridian.
      if (prevLon === null || Math.abs(lon - prevLon) > 180) path.moveTo(x, -y);
      else path.lineTo(x, -y);
      prevLon = lon;
    }
  }
  return path;
}

export function radiusOf(fatalities) {
  return fatalities ? Math.min(22, 3.5 + 2.2 * Math.sqrt(fatalities)) : 3.5;
}

export class EventMap {
  constructor(canvas, { onSelect }) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.onSelect = onSelect;
    this.land = null;
    this.admin1 = null; // Path2D once loaded; "loading" or "failed" meanwhile
    this.points = [];
    this.view = { k: 1, x: 0, y: 0 };
    this.selected = null;
    this.bindInput();
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement);
    this.resize();
  }

  async loadBoundaries(url) {
    const topo = await (await fetch(url)).json();
    const path = new Path2D();
    for (const country of decodeTopology(topo, "countries")) {
      if (country.id === "010") continue; // Antarctica: no events, half the screen
      for (const ring of country.rings) {
        unwrap(ring).forEach(([lon, lat], i) => {
          const [x, y] = project(lon, lat);
          if (i === 0) path.moveTo(x, -y);
          else path.lineTo(x, -y);
        });
        path.closePath();
      }
    }
    this.land = path;
    this.draw();
  }

  /** Fetched once, on the first zoom in; the map works without it if it fails. */
  loadAdmin1() {
    this.admin1 = "loading";
    fetch(ADMIN1_URL)
      .then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      })
      .then((data) => {
        this.admin1 = admin1Path(data);
        this.draw();
      })
      .catch(() => (this.admin1 = "failed"));
  }

  /** The scale at which the whole world fills the canvas, as `fit` frames it with no events. */
  worldScale() {
    const { width, height } = this.size();
    const [x0, y0, x1, y1] = WORLD_BOX;
    return Math.min(width / (x1 - x0 + FIT_PAD), height / (y1 - y0 + FIT_PAD));
  }

  setEvents(events, { fit = false } = {}) {
    this.points = events
      .filter((e) => e.lat !== null && e.lon !== null)
      .map((e) => {
        const [x, y] = project(e.lon, e.lat);
        return { x, y: -y, r: radiusOf(e.fatalities), colour: TYPE_COLOURS[e.type] ?? "#555", event: e };
      })
      // Big circles first, so that small ones stay visible and clickable on top.
      .sort((a, b) => b.r - a.r);
    if (fit) this.fit();
    this.draw();
  }

  /** Frames the events (or the world when there are none). */
  fit() {
    const { width, height } = this.size();
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of this.points) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    if (!Number.isFinite(x0)) [x0, y0, x1, y1] = WORLD_BOX;
    const pad = FIT_PAD;
    const w = Math.max(x1 - x0, 0.25) + pad;
    const h = Math.max(y1 - y0, 0.18) + pad;
    const k = Math.min(width / w, height / h);
    this.view = { k, x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 - ((y0 + y1) / 2) * k };
  }

  size() {
    const r = this.canvas.getBoundingClientRect();
    return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
  }

  resize() {
    const { width, height } = this.size();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    if (this.view.k === 1) this.fit();
    this.draw();
  }

  draw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  paint() {
    const ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    const { k, x, y } = this.view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#dfe9f3";
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.land) {
      ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
      ctx.fillStyle = "#f6f4ee";
      ctx.fill(this.land, "evenodd");
      this.paintAdmin1(k);
      ctx.lineWidth = 0.8 / k;
      ctx.strokeStyle = "#9aa3ad";
      ctx.stroke(this.land);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineWidth = 1;
    for (const p of this.points) {
      const sx = p.x * k + x;
      const sy = p.y * k + y;
      ctx.beginPath();
      ctx.arc(sx, sy, p.r, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.72;
      ctx.fillStyle = p.colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = p === this.selected ? "#000" : "#fff";
      ctx.lineWidth = p === this.selected ? 2.5 : 1;
      ctx.stroke();
    }
  }

  paintAdmin1(k) {
    if (k < ADMIN1_ZOOM * this.worldScale()) return;
    if (this.admin1 === null) this.loadAdmin1();
    if (typeof this.admin1 === "string") return;
    const ctx = this.ctx;
    ctx.lineWidth = 0.6 / k;
    ctx.strokeStyle = "#c9ced4";
    ctx.stroke(this.admin1);
  }

  /** The point under a screen position, smallest first. */
  hit(px, py) {
    const { k, x, y } = this.view;
    let best = null;
    for (let i = this.points.length - 1; i >= 0; i--) {
      const p = this.points[i];
      const d = Math.hypot(p.x * k + x - px, p.y * k + y - py);
      if (d <= p.r + 2 && (!best || p.r < best.r)) best = p;
    }
    return best;
  }

  select(id) {
    this.selected = this.points.find((p) => p.event.id === id) ?? null;
    this.draw();
  }

  zoomAt(px, py, factor) {
    const v = this.view;
    const k = Math.min(5000, Math.max(60, v.k * factor));
    const f = k / v.k;
    this.view = { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
    this.draw();
  }

  bindInput() {
    const c = this.canvas;
    let drag = null;
    const pos = (e) => {
      const r = c.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    c.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [px, py] = pos(e);
      this.zoomAt(px, py, Math.exp(-e.deltaY * 0.0015));
    }, { passive: false });
    c.addEventListener("dblclick", (e) => {
      const [px, py] = pos(e);
      this.zoomAt(px, py, 2);
    });
    c.addEventListener("pointerdown", (e) => {
      const [px, py] = pos(e);
      drag = { px, py, x: this.view.x, y: this.view.y, moved: false };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener("pointermove", (e) => {
      const [px, py] = pos(e);
      if (drag) {
        if (Math.abs(px - drag.px) + Math.abs(py - drag.py) > 3) drag.moved = true;
        this.view = { ...this.view, x: drag.x + px - drag.px, y: drag.y + py - drag.py };
        this.draw();
      } else {
        c.style.cursor = this.hit(px, py) ? "pointer" : "grab";
      }
    });
    c.addEventListener("pointerup", (e) => {
      const [px, py] = pos(e);
      const wasClick = drag && !drag.moved;
      drag = null;
      if (!wasClick) return;
      const p = this.hit(px, py);
      this.selected = p;
      this.draw();
      if (p) this.onSelect(p.event);
    });
  }
}
