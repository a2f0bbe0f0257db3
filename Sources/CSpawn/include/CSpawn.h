#ifndef YOMITORI_CSPAWN_H
#define YOMITORI_CSPAWN_H

#include <spawn.h>

/// pipe2(fds, O_CLOEXEC): a pipe whose ends no other child inherits.
int yomitori_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addclosefrom_np: the child closes every descriptor >= from.
/// (Both are GNU extensions that Swift's Glibc module does not import.)
int yomitori_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from);

#endif
