// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const triggersStage = defineStage({
  key: "triggers",
  needs: ["text"],
  run: () => [],
});
