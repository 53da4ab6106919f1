// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const talliesStage = defineStage({
  key: "tallies",
  needs: ["text", "dates", "places", "casualties", "triggers", "attributions"],
  run: () => [],
});
