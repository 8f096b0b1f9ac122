// A quick yes/no: do all closed-enum fields of a message hold declared numbers? protobuf-es's
// toBinary writes any number, so encode asks this after a successful toBinary. The walk follows
// a plan built once per message type (walk-plan.ts) that lists only the fields that can lead to
// a closed enum (for a TaskInfo: resources[].type, container.type, container.docker.volume[].mode,
// the executor's), so it costs a few property reads instead of a second walk over the message.
// Anything of the wrong JavaScript type is passed over here: the full check (encode-check.ts)
// names it whenever it runs.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { DeclaredNumbers, NO_DECLARED_NUMBERS } from "./declared-numbers.js";
import type { MessageObject } from "./field-access.js";
import { isClosedEnumField, typesReaching } from "./reachability.js";
import {
  STEP_LEAF,
  STEP_LEAF_LIST,
  STEP_LEAF_MAP,
  STEP_MESSAGE,
  STEP_MESSAGE_LIST,
  STEP_MESSAGE_MAP,
  stepValue,
  type WalkPlan,
  type WalkSpec,
  walkPlanOf,
} from "./walk-plan.js";

type Plan = WalkPlan<DeclaredNumbers>;

const plans = new WeakMap<DescMessage, Plan>();

/** True when every closed-enum value in `message` (of type `desc`) is declared by its enum. */
export function closedEnumsDeclared(desc: DescMessage, message: MessageObject): boolean {
  return holds(plans.get(desc) ?? buildPlan(desc), message);
}

function buildPlan(desc: DescMessage): Plan {
  const reaching = typesReaching(desc, isClosedEnumField);
  const spec: WalkSpec<DeclaredNumbers> = {
    leafOf: (field: DescField) =>
      isClosedEnumField(field) ? new DeclaredNumbers(field.enum) : undefined,
    descendInto: (type) => reaching.has(type),
    none: NO_DECLARED_NUMBERS,
    cache: plans,
  };
  return walkPlanOf(desc, spec);
}

function holds(plan: Plan, message: MessageObject): boolean {
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Plan["steps"][number];
    const value = stepValue(step, message);
    // Unset singular fields read the prototype's default, which is always declared.
    if (value === undefined) continue;
    switch (step.kind) {
      case STEP_LEAF:
        if (!step.leaf.has(value)) return false;
        break;
      case STEP_LEAF_LIST:
        if (!Array.isArray(value)) break;
        for (let j = 0; j < value.length; j++) if (!step.leaf.has(value[j])) return false;
        break;
      case STEP_LEAF_MAP:
        if (typeof value !== "object" || value === null) break;
        for (const item of Object.values(value)) if (!step.leaf.has(item)) return false;
        break;
      case STEP_MESSAGE:
        if (!holdsIn(step.child, value)) return false;
        break;
      case STEP_MESSAGE_LIST:
        if (!Array.isArray(value)) break;
        for (let j = 0; j < value.length; j++) if (!holdsIn(step.child, value[j])) return false;
        break;
      case STEP_MESSAGE_MAP:
        if (typeof value !== "object" || value === null) break;
        for (const item of Object.values(value)) if (!holdsIn(step.child, item)) return false;
        break;
    }
  }
  return true;
}

/** `holds` for a value that should be a message (anything else is the full check's business). */
function holdsIn(plan: Plan, value: unknown): boolean {
  return typeof value !== "object" || value === null || holds(plan, value as MessageObject);
}
