from quizkit.cli import cli

cli(prog_name="quizkit")
