# model tests: added by their owner
