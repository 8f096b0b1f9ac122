// Binary markers of the two schemas, per seed message type that has a mesos.v1 counterpart: the
// field numbers only one schema declares, the numbers both declare with different wire types,
// enum values only Mesos 1.11 has, and the nested messages worth entering. Derived from the
// generated descriptors; test/cli/detect-schema.test.ts recomputes the table from gen/ and fails
// (printing the new table) when they drift.

export interface WireEntry {
  /** Field numbers only the mesos.v1 message declares. */
  readonly v1: readonly number[];
  /** Field numbers only the seed message declares. */
  readonly seed: readonly number[];
  /** Numbers both declare with different wire types: [seed's, v1's]. */
  readonly wire?: Readonly<Record<number, readonly [number, number]>>;
  /** Enum fields whose mesos.v1 enum has values the seed's lacks: field → those values. */
  readonly enums?: Readonly<Record<number, readonly number[]>>;
  /** Message fields to enter (same number and counterpart types in both): field → type. */
  readonly children?: Readonly<Record<number, string>>;
}

export const WIRE: Readonly<Record<string, WireEntry>> = {
  CommandInfo: { v1: [], seed: [4], children: { "1": "CommandInfo.URI", "2": "Environment" } },
  "CommandInfo.URI": { v1: [4, 5], seed: [] },
  Environment: { v1: [], seed: [], children: { "1": "Environment.Variable" } },
  "Environment.Variable": { v1: [3, 4], seed: [] },
  ContainerInfo: { v1: [2, 3, 4, 5, 7, 8, 9, 10], seed: [100], enums: { "1": [2] } },
  "ContainerInfo.DockerInfo": { v1: [3, 4, 5, 6, 7], seed: [], wire: { "2": [2, 0] } },
  "ContainerInfo.DockerInfo.Volume": { v1: [4, 5], seed: [] },
  Resource: { v1: [7, 8, 9, 10, 11, 12, 13], seed: [] },
  ExecutorInfo: {
    v1: [12, 13, 14, 15],
    seed: [],
    children: { "5": "Resource", "7": "CommandInfo", "11": "ContainerInfo" },
  },
  TaskInfo: {
    v1: [8, 11, 12, 13, 14, 15],
    seed: [],
    children: { "4": "Resource", "5": "ExecutorInfo", "7": "CommandInfo", "9": "ContainerInfo" },
  },
  Offer: { v1: [8, 9, 10, 11], seed: [], children: { "5": "Resource" } },
};
