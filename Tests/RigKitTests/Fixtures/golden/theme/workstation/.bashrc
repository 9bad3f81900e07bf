# >>> rigctl theme >>>
# This machine's terminal colours and prompt (rigctl theme).
if [ -f "$HOME/.config/rigctl/theme.sh" ]; then
  # shellcheck source=/dev/null
  . "$HOME/.config/rigctl/theme.sh"
fi
# <<< rigctl theme <<<
