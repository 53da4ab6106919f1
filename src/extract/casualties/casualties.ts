// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const casualtiesStage = defineStage({
  key: "casualties",
  needs: ["text", "quantities", "actors"],
  run: () => [],
});
