unlet! skip_defaults_vim
source $VIMRUNTIME/defaults.vim

" >>> rigctl theme >>>
" This machine's colours (rigctl theme). 24-bit colour where the terminal says it has it.
if has('termguicolors') && ($COLORTERM ==# 'truecolor' || $COLORTERM ==# '24bit')
  set termguicolors
endif
syntax enable
colorscheme rigctl-big-rig
" <<< rigctl theme <<<
