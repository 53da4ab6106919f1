// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const placesStage = defineStage({
  key: "places",
  needs: ["text"],
  run: () => ({ mentions: [] }),
});
