# ProcNano boot script (run by the shell at boot; named by boot_script in nf.config).
# Placeholder: the shell's script format and the commands to run at boot are added by the shell.
