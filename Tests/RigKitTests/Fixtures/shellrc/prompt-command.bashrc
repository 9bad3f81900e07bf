# A prompt drawn by a prompt command before every prompt, the way starship's `starship init bash` does it:
# the command is put first in PROMPT_COMMAND (so it sees $?) and sets PS1 each time, with its escapes
# between \[ and \]. (starship itself is not packaged for Debian 12; this stands in for it.)
__fancy_prompt() {
  local status=$?
  PS1="\[\e[1;35m\]\w\[\e[0m\] \[\e[32m\]❯\[\e[0m\] "
  [ "$status" -eq 0 ] || PS1="\[\e[31m\]($status)\[\e[0m\] $PS1"
}
PROMPT_COMMAND="__fancy_prompt;${PROMPT_COMMAND:-}"
