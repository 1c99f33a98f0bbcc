import type { MachineTable, MachineType } from '../engine/index.js';

/** One chunk per machine: a page loads the machines of the experience types its config has. */
const MACHINE_LOADERS: { readonly [T in MachineType]: () => Promise<NonNullable<MachineTable[T]>> } = {
  tour: () => import('../engine/machines/tour.js').then((module) => module.tourMachine),
  checklist: () => import('../engine/machines/checklist.js').then((module) => module.checklistMachine),
  nudge: () => import('../engine/machines/nudge.js').then((module) => module.nudgeMachine),
  survey: () => import('../engine/machines/survey.js').then((module) => module.surveyMachine),
};

const hasMachine = (type: string): type is MachineType => Object.hasOwn(MACHINE_LOADERS, type);

/** This instance's machine table, filled as the machines of its experience types load. */
export interface MachineLoader {
  /** The table the engine reads (the same object as machines arrive). */
  readonly table: MachineTable;
  /** Loads the machines of these experience types (types without one need nothing); never rejects. */
  load(types: Iterable<string>): Promise<void>;
}

export function createMachineLoader(reportError: (error: unknown, where: string) => void): MachineLoader {
  const table: { -readonly [T in MachineType]?: MachineTable[T] } = {};
  const loading = new Map<MachineType, Promise<void>>();
  const loadOne = <T extends MachineType>(type: T): Promise<void> => {
    let pending = loading.get(type);
    if (!pending) {
      pending = MACHINE_LOADERS[type]().then(
        (machine) => {
          table[type] = machine as MachineTable[T];
        },
        (error: unknown) => {
          // Tried again on the next call: a chunk that failed once (offline) may load later.
          loading.delete(type);
          reportError(error, `machines:${type}`);
        },
      );
      loading.set(type, pending);
    }
    return pending;
  };
  return {
    table,
    load: (types) => Promise.all([...new Set(types)].filter(hasMachine).map(loadOne)).then(() => undefined),
  };
}
