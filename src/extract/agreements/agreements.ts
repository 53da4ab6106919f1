// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const agreementsStage = defineStage({
  key: "agreements",
  needs: ["text", "dates", "actors"],
  run: () => [],
});
