// STUB: replaced by the evaluation work.
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
export default defineCommand({
  meta: { name: "eval", description: "Score extraction against gold files" },
  run() {
    throw new TruceError("E_USAGE", "eval is not built yet");
  },
});
