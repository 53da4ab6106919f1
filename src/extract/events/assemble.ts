// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const eventsStage = defineStage({
  key: "events",
  needs: ["text", "dates", "places", "actors", "attributions", "triggers", "weapons", "casualties", "tallies"],
  run: () => [],
});
