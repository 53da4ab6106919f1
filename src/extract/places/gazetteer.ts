// STUB: replaced by the gazetteer work (data/gazetteer.json + its loader).
export interface Gazetteer {
  readonly size: number;
}
export function loadGazetteer(): Gazetteer {
  return { size: 0 };
}
