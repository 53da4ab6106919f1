// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const weaponsStage = defineStage({
  key: "weapons",
  needs: ["text"],
  run: () => [],
});
