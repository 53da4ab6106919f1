// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const quantitiesStage = defineStage({
  key: "quantities",
  needs: ["text"],
  run: () => [],
});
