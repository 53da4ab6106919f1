// STUB
import { defineStage } from "../stage.js";
export const textStage = defineStage({ key: "text", needs: [], run: () => ({ sentences: [] }) });
