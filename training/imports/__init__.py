"""Exchange files of the training app, run by org's import jobs (registered in ``TrainingConfig.ready``)."""
