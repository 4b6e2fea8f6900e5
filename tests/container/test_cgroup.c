/* test_cgroup.c - cgroup path forms -> container id and type (table-driven). */
#include <stdio.h>
#include <string.h>

#include "cgroup.h"
#include "../lib/sktest.h"

#define ID64 "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e"
#define ID12 "3ad7b26ded6d"

static const struct {
	const char *what, *text;
	sk_ctr_type_t type;
	const char *full, *shortid, *typename;
} k_cases[] = {
	/* host */
	{"v2 root", "0::/\n", SK_CTR_HOST, "", "host", ""},
	{"v2 user slice", "0::/user.slice/user-0.slice/session-1.scope\n", SK_CTR_HOST, "", "host", ""},
	{"v1 host lines", "12:pids:/\n11:memory:/user.slice\n0::/\n", SK_CTR_HOST, "", "host", ""},
	{"empty", "", SK_CTR_HOST, "", "host", ""},
	{"32-hex is not an id", "4:memory:/process_api/7e9333d84d6391c12b41d895dc47c29a\n", SK_CTR_HOST, "", "host", ""},
	{"63 hex", "0::/docker/" "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601\n", SK_CTR_HOST, "", "host", ""},
	{"uppercase hex", "0::/docker/3AD7B26DED6D8E7B23DA7D48FE889434573036C27AE5A74837233DE441C3601E\n", SK_CTR_HOST, "", "host", ""},
	{"podman conmon", "0::/machine.slice/libpod-conmon-" ID64 ".scope\n", SK_CTR_HOST, "", "host", ""},
	{"crio conmon", "0::/system.slice/crio-conmon-" ID64 ".scope\n", SK_CTR_HOST, "", "host", ""},
	/* docker */
	{"docker v1 cgroupfs", "12:pids:/docker/" ID64 "\n11:memory:/docker/" ID64 "\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"docker v2 cgroupfs", "0::/docker/" ID64 "\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"docker v2 systemd", "0::/system.slice/docker-" ID64 ".scope\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"docker v1 systemd", "4:cpu,cpuacct:/system.slice/docker-" ID64 ".scope\n1:name=systemd:/system.slice/docker-" ID64 ".scope\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"docker nested child cgroup", "0::/system.slice/docker-" ID64 ".scope/init.scope\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"docker in kubepods (systemd)", "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1234.slice/docker-" ID64 ".scope\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"v1 mixed: first lines host", "9:name=systemd:/\n8:pids:/docker/" ID64 "\n0::/\n", SK_CTR_DOCKER, ID64, ID12, "docker"},
	/* podman */
	{"podman v2 systemd", "0::/machine.slice/libpod-" ID64 ".scope\n", SK_CTR_PODMAN, ID64, ID12, "podman"},
	{"podman rootless", "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID64 ".scope/container\n", SK_CTR_PODMAN, ID64, ID12, "podman"},
	{"podman v1 cgroupfs", "3:memory:/libpod_parent/libpod-" ID64 "\n", SK_CTR_PODMAN, ID64, ID12, "podman"},
	{"podman cgroupfs bare id", "0::/libpod_parent/" ID64 "\n", SK_CTR_PODMAN, ID64, ID12, "podman"},
	/* cri-o */
	{"crio v2 systemd", "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0a1b.slice/crio-" ID64 ".scope\n", SK_CTR_CRIO, ID64, ID12, "cri-o"},
	{"crio v1 cgroupfs", "5:memory:/kubepods/besteffort/pod0a1b/crio-" ID64 "\n", SK_CTR_CRIO, ID64, ID12, "cri-o"},
	/* containerd */
	{"containerd CRI v2 systemd", "0::/kubepods.slice/kubepods-pod0a1b.slice/cri-containerd-" ID64 ".scope\n", SK_CTR_CONTAINERD, ID64, ID12, "containerd"},
	{"containerd CRI v1 systemd", "7:pids:/kubepods.slice/kubepods-pod0a1b.slice/cri-containerd-" ID64 ".scope\n", SK_CTR_CONTAINERD, ID64, ID12, "containerd"},
	{"containerd namespace", "0::/default/" ID64 "\n", SK_CTR_CONTAINERD, ID64, ID12, "containerd"},
	{"nerdctl systemd", "0::/system.slice/nerdctl-" ID64 ".scope\n", SK_CTR_CONTAINERD, ID64, ID12, "containerd"},
	/* cri (cgroupfs driver: runtime unknown from the path) */
	{"kubepods cgroupfs v1", "10:cpuset:/kubepods/burstable/pod0a1b-22/" ID64 "\n", SK_CTR_CRI, ID64, ID12, "cri"},
	{"kubepods cgroupfs v2", "0::/kubepods/besteffort/pod0a1b/" ID64 "\n", SK_CTR_CRI, ID64, ID12, "cri"},
	/* lxc */
	{"lxc v1", "3:memory:/lxc/web01\n", SK_CTR_LXC, "web01", "web01", "lxc"},
	{"lxc payload v2", "0::/lxc.payload.web01\n", SK_CTR_LXC, "web01", "web01", "lxc"},
	{"lxc payload dir", "0::/lxc.payload/web01\n", SK_CTR_LXC, "web01", "web01", "lxc"},
	/* other input shapes */
	{"bare path", "/docker/" ID64, SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"controller=path items", "cpu=/ pids=/docker/" ID64, SK_CTR_DOCKER, ID64, ID12, "docker"},
	{"no trailing newline", "0::/system.slice/docker-" ID64 ".scope", SK_CTR_DOCKER, ID64, ID12, "docker"},
};

int main(void)
{
	size_t n = sizeof(k_cases) / sizeof(k_cases[0]);
	for (size_t i = 0; i < n; i++) {
		sk_ctr_ref_t r;
		char shortid[SK_CTR_ID_MAX];
		int found = sk_ctr_from_cgroups(k_cases[i].text, strlen(k_cases[i].text), &r);
		sk_ctr_short_id(&r, shortid);
		int ok = r.type == k_cases[i].type && strcmp(r.full_id, k_cases[i].full) == 0 &&
			strcmp(shortid, k_cases[i].shortid) == 0 &&
			strcmp(sk_ctr_type_name(r.type), k_cases[i].typename) == 0 &&
			found == (k_cases[i].type != SK_CTR_HOST);
		CHECK(ok, "%s: got type=%s full=%s short=%s found=%d", k_cases[i].what,
			sk_ctr_type_name(r.type), r.full_id, shortid, found);
	}
	/* NULL input and a length shorter than the text. */
	sk_ctr_ref_t r;
	CHECK(sk_ctr_from_cgroups(NULL, 0, &r) == 0 && r.type == SK_CTR_HOST, "NULL text");
	const char *t = "0::/docker/" ID64;
	CHECK(sk_ctr_from_cgroups(t, strlen(t) - 1, &r) == 0, "length bound ignored");
	return sktest_report("cgroup");
}
