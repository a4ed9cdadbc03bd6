/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */

/*
 * UDP sockets with per-datagram ancillary data for org.odlbfd.impl.linux.UdpSocket.
 *
 * RFC 5881 §4-§5 and RFC 5883 §2 need what neither the JDK nor Netty's epoll channel give a
 * wildcard-bound socket: the destination address, interface and TTL of each received datagram
 * (IP_PKTINFO, IP_RECVTTL / IPV6_RECVPKTINFO, IPV6_RECVHOPLIMIT), and the source address,
 * interface and TTL of each sent one (IP_PKTINFO / IPV6_PKTINFO, IP_TTL / IPV6_HOPLIMIT cmsg).
 * Datagrams move in batches (recvmmsg, sendmmsg) through one direct buffer of fixed-size slots;
 * the slot layout is described in UdpSocket.java (SLOT_* constants) and must match the offsets
 * below. Every option the caller asks for is critical: one that fails closes the socket and
 * throws, so a socket never runs silently without its TTL or its filter.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/filter.h>

#include "odlbfd_native.h"

/* Slot layout: a 64-byte header, then the payload. Keep in sync with UdpSocket.java. */
#define SLOT_LENGTH 0     /* int: payload length; on send, the per-slot errno is written back here */
#define SLOT_IFINDEX 4    /* int: interface index (received on / to send from, 0 = any) */
#define SLOT_TTL 8        /* int: received TTL / hop limit (-1 unknown); on send 0 = socket default */
#define SLOT_PORT 12      /* int: source port received / destination port to send to */
#define SLOT_FAMILY 16    /* int: 4 or 6 */
#define SLOT_DROPS 20     /* int: received: SO_RXQ_OVFL count; sent: errno (0 = sent) */
#define SLOT_SRC 24       /* 16 bytes: source address (IPv4 in the first 4) */
#define SLOT_DST 40       /* 16 bytes: destination address */
#define SLOT_HEADER 64
#define MAX_BATCH 64
#define CMSG_SPACE_ALL 256

#ifndef SO_ATTACH_REUSEPORT_CBPF
#define SO_ATTACH_REUSEPORT_CBPF 51
#endif

static int set_int(JNIEnv *env, int fd, int level, int name, int value, const char *what)
{
    if (setsockopt(fd, level, name, &value, sizeof(value)) < 0) {
        odlbfd_throw_errno(env, what, errno);
        return -1;
    }
    return 0;
}

/*
 * Opens, configures and binds (to the wildcard address and port) a non-blocking UDP socket.
 * device: SO_BINDTODEVICE name (a VRF device or an interface), or NULL.
 */
JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_UdpSocket_open0(JNIEnv *env, jclass clazz, jboolean v6,
        jint port, jstring device, jboolean reusePort, jint rcvbuf, jint ttl, jint tos)
{
    (void) clazz;
    int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        odlbfd_throw_errno(env, "socket(AF_INET)", errno);
        return -1;
    }
    int ok = set_int(env, fd, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR") == 0
        && (!reusePort || set_int(env, fd, SOL_SOCKET, SO_REUSEPORT, 1, "SO_REUSEPORT") == 0)
        && (rcvbuf <= 0 || set_int(env, fd, SOL_SOCKET, SO_RCVBUF, rcvbuf, "SO_RCVBUF") == 0);
    if (ok && v6) {
        ok = set_int(env, fd, IPPROTO_IPV6, IPV6_V6ONLY, 1, "IPV6_V6ONLY") == 0
            && set_int(env, fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO") == 0
            && set_int(env, fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT") == 0
            && set_int(env, fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl, "IPV6_UNICAST_HOPS") == 0
            && set_int(env, fd, IPPROTO_IPV6, IPV6_TCLASS, tos, "IPV6_TCLASS") == 0;
    } else if (ok) {
        ok = set_int(env, fd, IPPROTO_IP, IP_PKTINFO, 1, "IP_PKTINFO") == 0
            && set_int(env, fd, IPPROTO_IP, IP_RECVTTL, 1, "IP_RECVTTL") == 0
            && set_int(env, fd, IPPROTO_IP, IP_TTL, ttl, "IP_TTL") == 0
            && set_int(env, fd, IPPROTO_IP, IP_TOS, tos, "IP_TOS") == 0;
    }
    if (ok) {
        /* Not critical: a health figure (PERF-NOTES rule 6), not a safety rule. */
        int one = 1;
        (void) setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof(one));
    }
    if (ok && device != NULL) {
        const char *name = (*env)->GetStringUTFChars(env, device, NULL);
        if (name == NULL) {
            close(fd);
            return -1;
        }
        int rc = setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, (socklen_t) strlen(name) + 1);
        int err = errno;
        (*env)->ReleaseStringUTFChars(env, device, name);
        if (rc < 0) {
            odlbfd_throw_errno(env, "SO_BINDTODEVICE", err);
            ok = 0;
        }
    }
    if (ok) {
        struct sockaddr_storage local;
        socklen_t len;
        memset(&local, 0, sizeof(local));
        if (v6) {
            struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) &local;
            sin6->sin6_family = AF_INET6;
            sin6->sin6_port = htons((uint16_t) port);
            len = sizeof(*sin6);
        } else {
            struct sockaddr_in *sin = (struct sockaddr_in *) &local;
            sin->sin_family = AF_INET;
            sin->sin_port = htons((uint16_t) port);
            len = sizeof(*sin);
        }
        if (bind(fd, (struct sockaddr *) &local, len) < 0) {
            odlbfd_throw_errno(env, "bind", errno);
            ok = 0;
        }
    }
    if (!ok) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Attaches a classic BPF program: a socket filter, or (steering) the reuseport group's selector. */
JNIEXPORT void JNICALL Java_org_odlbfd_impl_linux_UdpSocket_attach0(JNIEnv *env, jclass clazz, jint fd,
        jintArray program, jboolean steering)
{
    (void) clazz;
    jsize words = (*env)->GetArrayLength(env, program);
    if (words <= 0 || words % 2 != 0 || words / 2 > BPF_MAXINSNS) {
        odlbfd_throw_errno(env, "BPF program", EINVAL);
        return;
    }
    struct sock_filter insns[BPF_MAXINSNS];
    jint *code = (*env)->GetIntArrayElements(env, program, NULL);
    if (code == NULL) {
        return;
    }
    /* two ints an instruction: code | jt << 16 | jf << 24, then k */
    for (jsize i = 0; i < words / 2; i++) {
        insns[i].code = (uint16_t) (code[2 * i] & 0xFFFF);
        insns[i].jt = (uint8_t) ((code[2 * i] >> 16) & 0xFF);
        insns[i].jf = (uint8_t) ((code[2 * i] >> 24) & 0xFF);
        insns[i].k = (uint32_t) code[2 * i + 1];
    }
    (*env)->ReleaseIntArrayElements(env, program, code, JNI_ABORT);
    struct sock_fprog fprog = { .len = (unsigned short) (words / 2), .filter = insns };
    int name = steering ? SO_ATTACH_REUSEPORT_CBPF : SO_ATTACH_FILTER;
    if (setsockopt(fd, SOL_SOCKET, name, &fprog, sizeof(fprog)) < 0) {
        odlbfd_throw_errno(env, steering ? "SO_ATTACH_REUSEPORT_CBPF" : "SO_ATTACH_FILTER", errno);
    }
}

static void read_address(const struct sockaddr_storage *from, char *slot)
{
    if (from->ss_family == AF_INET6) {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) from;
        *(jint *) (slot + SLOT_FAMILY) = 6;
        *(jint *) (slot + SLOT_PORT) = ntohs(sin6->sin6_port);
        memcpy(slot + SLOT_SRC, &sin6->sin6_addr, 16);
    } else {
        const struct sockaddr_in *sin = (const struct sockaddr_in *) from;
        *(jint *) (slot + SLOT_FAMILY) = 4;
        *(jint *) (slot + SLOT_PORT) = ntohs(sin->sin_port);
        memcpy(slot + SLOT_SRC, &sin->sin_addr, 4);
    }
}

static void read_cmsgs(struct msghdr *msg, char *slot)
{
    for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
            struct in_pktinfo info;
            memcpy(&info, CMSG_DATA(c), sizeof(info));
            *(jint *) (slot + SLOT_IFINDEX) = info.ipi_ifindex;
            memcpy(slot + SLOT_DST, &info.ipi_addr, 4);
        } else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL) {
            int ttl;
            memcpy(&ttl, CMSG_DATA(c), sizeof(ttl));
            *(jint *) (slot + SLOT_TTL) = ttl;
        } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
            struct in6_pktinfo info;
            memcpy(&info, CMSG_DATA(c), sizeof(info));
            *(jint *) (slot + SLOT_IFINDEX) = (jint) info.ipi6_ifindex;
            memcpy(slot + SLOT_DST, &info.ipi6_addr, 16);
        } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT) {
            int hops;
            memcpy(&hops, CMSG_DATA(c), sizeof(hops));
            *(jint *) (slot + SLOT_TTL) = hops;
        } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) {
            uint32_t drops;
            memcpy(&drops, CMSG_DATA(c), sizeof(drops));
            *(jint *) (slot + SLOT_DROPS) = (jint) drops;
        }
    }
}

/* recvmmsg into up to `slots` slots of `slotSize` bytes; returns how many arrived, 0 when none. */
JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_UdpSocket_receive0(JNIEnv *env, jclass clazz, jint fd,
        jobject buffer, jint slots, jint slotSize)
{
    (void) clazz;
    if (slots > MAX_BATCH) {
        slots = MAX_BATCH;
    }
    char *base = odlbfd_direct(env, buffer, 0, slots * slotSize);
    if (base == NULL || slotSize <= SLOT_HEADER) {
        return -1;
    }
    struct mmsghdr msgs[MAX_BATCH];
    struct iovec iov[MAX_BATCH];
    struct sockaddr_storage from[MAX_BATCH];
    char control[MAX_BATCH][CMSG_SPACE_ALL] __attribute__((aligned(8)));
    memset(msgs, 0, sizeof(msgs[0]) * (size_t) slots);
    for (int i = 0; i < slots; i++) {
        iov[i].iov_base = base + (size_t) i * slotSize + SLOT_HEADER;
        iov[i].iov_len = (size_t) (slotSize - SLOT_HEADER);
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &from[i];
        msgs[i].msg_hdr.msg_namelen = sizeof(from[i]);
        msgs[i].msg_hdr.msg_control = control[i];
        msgs[i].msg_hdr.msg_controllen = CMSG_SPACE_ALL;
    }
    int got;
    do {
        got = recvmmsg(fd, msgs, (unsigned int) slots, MSG_DONTWAIT, NULL);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        }
        odlbfd_throw_errno(env, "recvmmsg", errno);
        return -1;
    }
    for (int i = 0; i < got; i++) {
        char *slot = base + (size_t) i * slotSize;
        memset(slot, 0, SLOT_HEADER);
        *(jint *) (slot + SLOT_TTL) = -1;
        /* a truncated datagram is longer than any BFD packet: report it as too long, never cut */
        *(jint *) (slot + SLOT_LENGTH) = (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) ? -1 : (jint) msgs[i].msg_len;
        read_address(&from[i], slot);
        read_cmsgs(&msgs[i].msg_hdr, slot);
    }
    return got;
}

static socklen_t write_address(const char *slot, struct sockaddr_storage *to)
{
    memset(to, 0, sizeof(*to));
    if (*(const jint *) (slot + SLOT_FAMILY) == 6) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) to;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons((uint16_t) *(const jint *) (slot + SLOT_PORT));
        memcpy(&sin6->sin6_addr, slot + SLOT_DST, 16);
        if (IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr)) {
            sin6->sin6_scope_id = (uint32_t) *(const jint *) (slot + SLOT_IFINDEX);
        }
        return sizeof(*sin6);
    }
    struct sockaddr_in *sin = (struct sockaddr_in *) to;
    sin->sin_family = AF_INET;
    sin->sin_port = htons((uint16_t) *(const jint *) (slot + SLOT_PORT));
    memcpy(&sin->sin_addr, slot + SLOT_DST, 4);
    return sizeof(*sin);
}

static socklen_t write_cmsgs(const char *slot, char *control)
{
    struct msghdr msg;
    memset(&msg, 0, sizeof(msg));
    memset(control, 0, CMSG_SPACE_ALL);
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE_ALL;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    int ttl = *(const jint *) (slot + SLOT_TTL);
    int ifindex = *(const jint *) (slot + SLOT_IFINDEX);
    socklen_t used;
    if (*(const jint *) (slot + SLOT_FAMILY) == 6) {
        struct in6_pktinfo info;
        memset(&info, 0, sizeof(info));
        memcpy(&info.ipi6_addr, slot + SLOT_SRC, 16);
        info.ipi6_ifindex = (unsigned int) ifindex;
        c->cmsg_level = IPPROTO_IPV6;
        c->cmsg_type = IPV6_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(info));
        memcpy(CMSG_DATA(c), &info, sizeof(info));
        used = CMSG_SPACE(sizeof(info));
        if (ttl > 0) {
            c = (struct cmsghdr *) (control + used);
            c->cmsg_level = IPPROTO_IPV6;
            c->cmsg_type = IPV6_HOPLIMIT;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            memcpy(CMSG_DATA(c), &ttl, sizeof(int));
            used += CMSG_SPACE(sizeof(int));
        }
    } else {
        struct in_pktinfo info;
        memset(&info, 0, sizeof(info));
        memcpy(&info.ipi_spec_dst, slot + SLOT_SRC, 4);
        info.ipi_ifindex = ifindex;
        c->cmsg_level = IPPROTO_IP;
        c->cmsg_type = IP_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(info));
        memcpy(CMSG_DATA(c), &info, sizeof(info));
        used = CMSG_SPACE(sizeof(info));
        if (ttl > 0) {
            c = (struct cmsghdr *) (control + used);
            c->cmsg_level = IPPROTO_IP;
            c->cmsg_type = IP_TTL;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            memcpy(CMSG_DATA(c), &ttl, sizeof(int));
            used += CMSG_SPACE(sizeof(int));
        }
    }
    return used;
}

/*
 * sendmmsg of `count` slots. Each slot's SLOT_DROPS field receives 0 when sent, or the errno that
 * refused it (EADDRNOTAVAIL for a source address not configured yet, ENETUNREACH, ...): one
 * refused datagram does not hold back the rest. Returns how many were sent.
 */
JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_UdpSocket_send0(JNIEnv *env, jclass clazz, jint fd,
        jobject buffer, jint count, jint slotSize)
{
    (void) clazz;
    if (count <= 0) {
        return 0;
    }
    if (count > MAX_BATCH) {
        count = MAX_BATCH;
    }
    char *base = odlbfd_direct(env, buffer, 0, count * slotSize);
    if (base == NULL || slotSize <= SLOT_HEADER) {
        return -1;
    }
    struct mmsghdr msgs[MAX_BATCH];
    struct iovec iov[MAX_BATCH];
    struct sockaddr_storage to[MAX_BATCH];
    char control[MAX_BATCH][CMSG_SPACE_ALL] __attribute__((aligned(8)));
    memset(msgs, 0, sizeof(msgs[0]) * (size_t) count);
    for (int i = 0; i < count; i++) {
        char *slot = base + (size_t) i * slotSize;
        *(jint *) (slot + SLOT_DROPS) = 0;
        iov[i].iov_base = slot + SLOT_HEADER;
        iov[i].iov_len = (size_t) *(jint *) (slot + SLOT_LENGTH);
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &to[i];
        msgs[i].msg_hdr.msg_namelen = write_address(slot, &to[i]);
        msgs[i].msg_hdr.msg_control = control[i];
        msgs[i].msg_hdr.msg_controllen = write_cmsgs(slot, control[i]);
    }
    int sent = 0;
    int next = 0;
    while (next < count) {
        int n = sendmmsg(fd, msgs + next, (unsigned int) (count - next), MSG_DONTWAIT);
        if (n > 0) {
            sent += n;
            next += n;
            continue;
        }
        int err = errno;
        if (n < 0 && err == EINTR) {
            continue;
        }
        /* the datagram at `next` was refused: note why and go on with the one after it */
        *(jint *) (base + (size_t) next * slotSize + SLOT_DROPS) = n < 0 ? err : EIO;
        next++;
    }
    return sent;
}

JNIEXPORT void JNICALL Java_org_odlbfd_impl_linux_UdpSocket_close0(JNIEnv *env, jclass clazz, jint fd)
{
    (void) env;
    (void) clazz;
    close(fd);
}

/* if_nametoindex(3): 0 when there is no such interface. */
JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_UdpSocket_ifindex0(JNIEnv *env, jclass clazz, jstring name)
{
    (void) clazz;
    const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
    if (chars == NULL) {
        return 0;
    }
    unsigned int index = if_nametoindex(chars);
    (*env)->ReleaseStringUTFChars(env, name, chars);
    return (jint) index;
}

/* if_indextoname(3): null when there is no such interface. */
JNIEXPORT jstring JNICALL Java_org_odlbfd_impl_linux_UdpSocket_ifname0(JNIEnv *env, jclass clazz, jint index)
{
    (void) clazz;
    char name[IF_NAMESIZE + 1];
    if (if_indextoname((unsigned int) index, name) == NULL) {
        return NULL;
    }
    return (*env)->NewStringUTF(env, name);
}
