# time tests: added by their owner
