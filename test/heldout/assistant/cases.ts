// Every held-out case, in the order the evaluation runs them. Written without looking at the assistant's engine or
// its corpora; see README.md in this folder for the format.
import { actCases } from "./cases/act";
import { addCases } from "./cases/add";
import type { CaseInput } from "./cases/helpers";
import { listCases } from "./cases/list";
import { miscCases } from "./cases/misc";
import { multiCases } from "./cases/multi";
import { projectCases } from "./cases/projects";

export const cases: CaseInput[] = [
  ...addCases,
  ...listCases,
  ...actCases,
  ...miscCases,
  ...multiCases,
  ...projectCases,
];
