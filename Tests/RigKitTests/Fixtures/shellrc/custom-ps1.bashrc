# A hand-made prompt: time, directory, git-style marker; no \u@\h anywhere.
PS1='[\t] \[\e[33m\]\w\[\e[0m\] \$ '
