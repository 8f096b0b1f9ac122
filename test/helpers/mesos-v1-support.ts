// Every test file runs as a library user does through the package root, which imports src/mesos-v1
// and src/mesos-v1/codecs (the Mesos 1.11 rule table, launch resolver and generated codecs register themselves into
// validation, launch and codec). Tests import the folders' index.ts files directly, so this setup
// file (vitest.config.ts setupFiles) does the root's import once. What a program that never loads
// it sees (a seed-only CLI run) is test/cli/lazy-loading.test.ts's subject.
import "../../src/mesos-v1/index.js";
import "../../src/mesos-v1/codecs/index.js";
