/*
 * cond_rows.h - the operator table of test_cond.c: condition -> expected
 * result on the fake event ev1_vals (-1: must not compile). Included once.
 */
/* ---- operator table ---------------------------------------------------------- */

static const struct {
	const char *cond;
	int want;
} op_rows[] = {
	/* strings */
	{"proc.name = bash", 1}, {"proc.name == bash", 1}, {"proc.name != bash", 0},
	{"proc.name = \"bash\"", 1}, {"proc.name = 'bas'", 0}, {"proc.name=bash", 1},
	{"proc.name contains as", 1}, {"proc.name contains AS", 0}, {"proc.name icontains AS", 1},
	{"proc.name startswith ba", 1}, {"proc.name startswith as", 0},
	{"proc.name endswith sh", 1}, {"proc.name endswith ba", 0},
	{"proc.name glob 'b*'", 1}, {"proc.name glob 'B*'", 0}, {"proc.name iglob 'B?SH'", 1},
	{"fd.name glob '/var/*.sock'", 1}, {"proc.cmdline glob '*ls /tmp'", 1},
	{"fd.name glob '/etc/*'", 0},
	{"proc.name regex 'ba.h'", 1}, {"proc.name regex 'as'", 0}, {"proc.name regex 'b.*'", 1},
	{"proc.name regex 'bas'", 0},
	{"proc.name in (zsh, bash)", 1}, {"proc.name in (zsh)", 0}, {"proc.name in ()", 0},
	{"proc.name in (a1, a2, a3, a4, a5, a6, a7, a8, a9, bash)", 1},
	{"proc.name in (a1, a2, a3, a4, a5, a6, a7, a8, a9, bas)", 0},
	{"proc.name intersects (bash)", 1}, {"proc.name intersects (zsh)", 0},
	{"proc.name < bat", -1}, {"proc.name > 5", -1}, {"proc.pid < 5", 0},
	{"proc.name startswith oneof (ba, b)", 0}, {"proc.name startswith oneof (ba, zz)", 1},
	{"proc.name startswith anyof (zz, b)", 1}, {"proc.name startswith anyof (zz, y)", 0},
	{"proc.name startswith allof (b, ba)", 1}, {"proc.name startswith allof (b, z)", 0},
	{"proc.name = anyof (zsh, bash)", 1},
	/* the same with >= 8 prefixes (prefix table) */
	{"proc.name startswith oneof (a, c, d, e, f, g, h, ba, b)", 0},
	{"proc.name startswith oneof (a, c, d, e, f, g, h, ba, zz)", 1},
	{"proc.name startswith anyof (a, c, d, e, f, g, h, bash, zz)", 1},
	{"proc.name startswith anyof (a, c, d, e, f, g, h, bashx, zz)", 0},
	{"proc.name startswith allof (b, ba, bas, bash, b, ba, bas, bash)", 1},
	{"proc.name startswith allof (b, ba, bas, bash, b, ba, bas, bashx)", 0},
	{"fd.sport in (1, 2, 3, 4, 5, 6, 7, 8, 8080)", 1},
	{"fd.sport in (1, 2, 3, 4, 5, 6, 7, 8, 8081)", 0},
	{"evt.rawres in (1, 2, 3, 4, 5, 6, 7, 8, -2)", 1}, {"proc.name contains oneof shells", 1},
	{"proc.name exists", 1}, {"proc.pname exists", 0}, {"not proc.pname exists", 1},
	/* a missing field makes every comparison false, even != */
	{"proc.pname != foo", 0}, {"proc.pname = foo", 0}, {"proc.pname in (foo)", 0},
	{"proc.pname contains x", 0}, {"not proc.pname = foo", 1},
	/* pmatch: whole-component prefixes, wildcards in components */
	{"fd.name pmatch (/var/run)", 1}, {"fd.name pmatch (/var/ru)", 0},
	{"fd.name pmatch (/var/run/docker.sock)", 1}, {"fd.name pmatch (/var/run/docker.sock/x)", 0},
	{"fd.name pmatch (/etc, /var/*/docker.sock)", 1}, {"fd.name pmatch (/usr, /etc)", 0},
	{"fd.name pmatch (/var/run/)", 1}, {"fd.name pmatch (/var)", 1},
	/* buffers */
	{"evt.buffer bcontains 474554", 1}, {"evt.buffer bcontains 585858", 0},
	{"evt.buffer bstartswith 474554", 1}, {"evt.buffer bstartswith 4554", 0},
	/* unsigned numbers */
	{"proc.pid = 1234", 1}, {"proc.pid != 1234", 0}, {"proc.pid > 1000", 1},
	{"proc.pid < 1000", 0}, {"proc.pid >= 1234", 1}, {"proc.pid <= 1233", 0},
	{"proc.pid in (1, 1234)", 1}, {"proc.pid = 0x4d2", 1}, {"proc.pid = 01234", 1},
	{"evt.rawres = -0x2", 1}, {"fd.sport in (80, 8080)", 1},
	{"fd.sport intersects (80)", 0}, {"proc.pid>=1234", 1},
	/* times */
	{"proc.duration <= 5000000000", 1}, {"proc.duration < 5000000000", 0},
	{"evt.time > 1600000000000000000", 1},
	/* signed */
	{"evt.rawres < 0", 1}, {"evt.rawres = -2", 1}, {"evt.rawres >= -1", 0},
	{"evt.rawres > -3", 1},
	/* bool */
	{"container.privileged = true", 1}, {"container.privileged = false", 0},
	{"container.privileged != false", 1}, {"container.privileged in (true)", 1},
	/* ipaddr */
	{"fd.ip = 10.1.2.3", 1}, {"fd.ip = \"10.1.2.4\"", 0}, {"fd.ip != 10.1.2.4", 1},
	{"fd.ip in (1.1.1.1, 10.1.2.3)", 1}, {"fd.ip = 10.0.0.0/8", 1}, {"fd.ip = ::1", 0},
	/* ipnet */
	{"fd.net = \"192.168.0.0/16\"", 1}, {"fd.net != \"127.0.0.0/8\"", 1},
	{"fd.net in (\"10.0.0.0/8\", \"192.168.0.0/16\")", 1}, {"fd.net = 192.168.1.7", 1},
	{"fd.net = 192.168.1.0/25", 1}, {"fd.net = 192.168.1.128/25", 0},
	/* list fields */
	{"ka.verbs in (get, list, watch)", 1}, {"ka.verbs in (get)", 0},
	{"ka.verbs intersects (list)", 1}, {"ka.verbs intersects (x, y)", 0},
	{"ka.privs intersects (true)", 1}, {"ka.privs in (true)", 0},
	{"ka.codes intersects (404)", 1}, {"ka.codes in (200, 404)", 1}, {"ka.verbs exists", 1},
	/* field arguments */
	{"proc.aname[1] = sshd", 1}, {"proc.aname[2] = systemd", 1}, {"proc.aname[2] = sshd", 0},
	{"proc.aname = systemd", 1}, {"proc.aname in (systemd)", 1}, {"proc.aname[3] exists", 0},
	{"evt.arg.flags contains O_CLOEXEC", 1}, {"evt.arg[flags] contains O_RDONLY", 1},
	{"evt.arg[0] = 3", 1}, {"json.value[/stage] = ResponseComplete", 1},
	{"json.value[/stage] in (ResponseComplete)", 1},
	{"container.mount.dest[/var/run/docker.sock] exists", 1},
	{"container.mount.dest[/etc] exists", 0}, {"proc.env[HOME] = /root", 1},
	{"proc.env.HOME = /root", 1},
	/* transformers and val() */
	{"tolower(user.name) = root", 1}, {"toupper(proc.name) = BASH", 1},
	{"basename(fd.name) = docker.sock", 1}, {"len(proc.name) = 4", 1},
	{"len(ka.verbs) = 2", 1}, {"len(proc.name) > 4", 0},
	{"b64(json.value[/b64]) = bash", 1},
	{"concat(proc.name, \"-\", user.name) = bash-Root", 1},
	{"join(\",\", ka.verbs) = \"get,list\"", 1}, {"join(\"/\", ka.verbs, proc.name) = get/list/bash", 1},
	{"getopt(proc.args)[c] = ls", 1}, {"getopt(proc.argv)[c] = \"ls /tmp\"", 1},
	{"getopt(proc.args)[x] exists", 0},
	{"proc.name = val(proc.name)", 1}, {"proc.name = val(user.name)", 0},
	{"proc.pname = val(proc.name)", 0}, {"proc.name = val(proc.pname)", 0},
	{"proc.name != val(proc.pname)", 0}, {"tolower(user.name) = tolower(proc.name)", 0},
	{"proc.name = tolower(proc.name)", 1}, {"proc.pid > val(fd.sport)", 0},
	{"proc.pid < val(fd.sport)", 1}, {"tolower(proc.aname) = SSHD", 0},
	{"toupper(proc.aname) = SSHD", 1}, {"proc.name in (tolower(user.name), bash)", -1},
	/* escapes */
	{"proc.cmdline = \"bash -c ls \\/tmp\"", 1}, {"proc.name = \"ba\\x73h\"", 1},
	{"proc.cmdline = 'bash -c ls /tmp'", 1}, {"proc.name = \"b\\\"ash\"", 0},
	/* logic */
	{"proc.name = bash and proc.pid = 1234", 1}, {"proc.name = zsh or proc.pid = 1234", 1},
	{"not proc.name = zsh", 1}, {"not not proc.name = bash", 1},
	{"(proc.name = zsh or proc.name = bash) and not (proc.pid = 1)", 1},
	{"proc.name=bash and(proc.pid=1234)", 1}, {"not(proc.name=zsh)", 1},
	{"proc.name = zsh or proc.name = ksh or proc.pid = 1", 0},
	{"proc.name=bash and proc.pid=1 or proc.pid=1234", 1},
	{"proc.name=zsh and proc.pid=1234 or proc.pid=1", 0},
	/* or-chains on one field are merged into one set / prefix table */
	{"proc.name = zsh or proc.name = bash", 1}, {"proc.name = zsh or proc.name = ksh", 0},
	{"proc.name = zsh or proc.pid = 1 or proc.name in (ksh, bash)", 1},
	{"proc.name startswith zz or proc.name startswith ba or proc.pid = 1", 1},
	{"proc.name startswith zz or proc.name startswith bb or proc.pid = 1", 0},
	{"fd.sport = 1 or fd.sport = 8080", 1}, {"evt.rawres = 1 or evt.rawres = -2", 1},
	{"proc.pname = x or proc.pname = y", 0}, {"not (proc.pname = x or proc.pname = y)", 1},
	{"proc.aname = x or proc.aname = sshd", 1}, {"proc.aname startswith sy or proc.aname = q", 1},
	{"proc.name = a1 or proc.name = a2 or proc.name = a3 or proc.name = a4 or proc.name = a5 "
	 "or proc.name = a6 or proc.name = a7 or proc.name = a8 or proc.name = bash", 1},
	{"proc.name startswith a1 or proc.name startswith a2 or proc.name startswith a3 or "
	 "proc.name startswith a4 or proc.name startswith a5 or proc.name startswith a6 or "
	 "proc.name startswith a7 or proc.name startswith a8 or proc.name startswith bas", 1},
	{"proc.name startswith a1 or proc.name startswith a2 or proc.name startswith a3 or "
	 "proc.name startswith a4 or proc.name startswith a5 or proc.name startswith a6 or "
	 "proc.name startswith a7 or proc.name startswith a8 or proc.name startswith bax", 0},
	{"fd.sport = 1 or fd.sport = 2 or fd.sport = 3 or fd.sport = 4 or fd.sport = 5 or "
	 "fd.sport = 6 or fd.sport = 7 or fd.sport in (8, 8080)", 1},
	{"proc.name = zsh or user.name = Root or proc.name = ksh", 1},
	{"proc.name in () or proc.name = bash", 1}, {"proc.name in () or proc.name in ()", 0},
	/* macros and lists */
	{"m_both", 1}, {"not m_bash", 0}, {"m_never", 0}, {"not m_never and m_bash", 1},
	{"proc.name in (nested)", 1}, {"proc.name in shells", 1}, {"proc.name in (\"shells\")", 0},
	{"proc.name in (zsh, empty_list)", 0}, {"proc.name in (empty_list, bash)", 1},
	{"proc.name pmatch (shells)", 1}, {"fd.name pmatch (shells)", 0}, {"proc.name startswith anyof (nested)", 1},
};

