// The context flag "a task of a task group" (TaskGroupInfo, or a mesos.v1 TaskInfo whose executor
// is DEFAULT). It lives here rather than with the Mesos 1.11 table (src/mesos-v1) because
// validate's `taskGroup` option sets it at the root, and validation must not load that table.
// IMAGE_ENTRYPOINT (1) is the other shared flag; the v1 table's own flags start at 4.
export const GROUP = 2;
