import Testing

/// The parent of the fault suites that run the binary: they spawn processes, kill them and parse 50 MB inputs, so they run one
/// at a time, leaving the machine to the rest of the suite (whose loopback tests have 5-second timeouts).
@Suite(.serialized) enum FaultSuite {}
