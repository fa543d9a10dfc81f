# domain benchmarks: added by their owner
