// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const datesStage = defineStage({
  key: "dates",
  needs: ["text"],
  run: () => ({ mentions: [] }),
});
