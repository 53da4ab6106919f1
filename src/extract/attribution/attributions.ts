// STUB: to be written (see the issue). Returns nothing found.
import { defineStage } from "../stage.js";

export const attributionsStage = defineStage({
  key: "attributions",
  needs: ["text", "actors"],
  run: () => [],
});
