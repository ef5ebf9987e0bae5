"""The 与为基层减负一致性评估表 (assessment form): the checklist, the model built from a check, its writers."""
