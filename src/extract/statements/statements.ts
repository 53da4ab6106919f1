// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const statementsStage = defineStage({
  key: "statements",
  needs: ["text", "dates", "actors", "attributions"],
  run: () => [],
});
