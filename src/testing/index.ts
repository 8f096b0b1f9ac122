// fast-check arbitraries for the mesos schema (subpath export "mesos-dockerinfo/testing").
export {};
