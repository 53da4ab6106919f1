// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const actorsStage = defineStage({
  key: "actors",
  needs: ["text", "places"],
  run: () => [],
});
