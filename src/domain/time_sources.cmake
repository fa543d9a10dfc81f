# calendar, deadlines, slots: added by their owner
