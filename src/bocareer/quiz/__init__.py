"""The skill quiz: ``selector`` chooses questions, ``flow`` asks them through an Asker,
``progress`` keeps an interrupted quiz. None of it knows about terminals."""
