/* test_proc.c — who holds a write lock on a file, and what /proc tells of that process. */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "huifang/proc.h"

/* A child that takes a lock of `type` on byte `at` of path, names itself `name`, tells the
 * parent through the pipe and waits to be killed. */
static pid_t locker(const char *path, short type, off_t at, const char *name)
{
	int ready[2];
	assert_int_equal(pipe(ready), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(path, O_RDWR);
		struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = at, .l_len = 1};
		if (fd < 0 || fcntl(fd, F_SETLK, &fl) != 0)
			_exit(1);
		prctl(PR_SET_NAME, name, 0, 0, 0);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	char c;
	close(ready[1]);
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	return pid;
}

static void reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void test_lock_holder(void **state)
{
	char path[] = "/tmp/huifang-proc.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(proc_lock_holder(fd, 120, 1), 0);
	pid_t w = locker(path, F_WRLCK, 120, "writer");
	pid_t r = locker(path, F_RDLCK, 123, "reader");
	assert_int_equal(proc_lock_holder(fd, 120, 1), w);
	/* A byte beside it, and a reader's shared lock, are no write lock. */
	assert_int_equal(proc_lock_holder(fd, 121, 1), 0);
	assert_int_equal(proc_lock_holder(fd, 123, 1), 0);
	assert_int_equal(proc_lock_holder(-1, 120, 1), 0);

	struct proc_info p;
	assert_true(proc_info(w, &p));
	assert_int_equal(p.pid, w);
	assert_int_equal(p.uid, (long)getuid());
	assert_string_equal(p.program, "writer");
	assert_false(p.stopped);
	assert_true(p.age_s >= 0 && p.age_s < 60);

	/* Stopped: SIGSTOP shows as the state T once the child has stopped. */
	kill(w, SIGSTOP);
	bool stopped = false;
	for (int i = 0; i < 2000 && !stopped; i++) {
		assert_true(proc_info(w, &p));
		stopped = p.stopped;
		if (!stopped)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
	assert_true(stopped);
	kill(w, SIGCONT);
	reap(w);
	reap(r);
	assert_int_equal(proc_lock_holder(fd, 120, 1), 0);
	assert_false(proc_info(w, &p));
	close(fd);
	unlink(path);
}

static void test_program_name_is_cleaned(void **state)
{
	char path[] = "/tmp/huifang-proc.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* Any process names itself: an escape sequence must not reach a message. */
	pid_t w = locker(path, F_WRLCK, 0, "a\033[31m\xe2\x80\xae" "b");
	struct proc_info p;
	assert_true(proc_info(w, &p));
	assert_string_equal(p.program, "a?[31m???b");
	reap(w);
	close(fd);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lock_holder),
		cmocka_unit_test(test_program_name_is_cleaned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
