import { COMMON_OPTIONS } from './cliOptions';
import { allCommands } from './commandTable';

/**
 * A shell completion script for `pulse` (`bash` or `zsh`), built from the command table:
 * command names, subcommand words (`workflow run`, `completion bash|zsh`), each command's
 * options, and file names for the rest. Install with `pulse completion bash >> ~/.bashrc`
 * (or `source <(pulse completion bash)`; zsh: `source <(pulse completion zsh)`).
 *
 * @example
 * io.stdout.write(completionScript('bash'));
 */
export function completionScript(shell: 'bash' | 'zsh'): string {
  const commands = allCommands();
  const names = commands.map((c) => c.name).join(' ');
  const cases = commands
    .map((c) => {
      const flags = [...c.options, ...COMMON_OPTIONS].map((o) => `--${o}`).join(' ');
      const words = Object.values(c.choices ?? {}).flat().join(' ');
      return `    ${c.name}) opts="${flags}"; words="${words}" ;;`;
    })
    .join('\n');
  const body = `_pulse() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts="" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} --help --version" -- "$cur") )
    return 0
  fi
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif [ "$COMP_CWORD" -eq 2 ] && [ -n "$words" ]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
`;
  if (shell === 'bash') return `# pulse completion for bash: source <(pulse completion bash)\n${body}complete -o filenames -F _pulse pulse\n`;
  // zsh runs the bash function through bashcompinit.
  return `# pulse completion for zsh: source <(pulse completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${body}complete -o filenames -F _pulse pulse\n`;
}
