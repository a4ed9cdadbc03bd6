/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */

/*
 * AF_NETLINK sockets for org.odlbfd.impl.linux.Netlink. The JDK has no netlink; rtnetlink is how
 * a routing daemon (zebra, BIRD) reads links and addresses and programs kernel routes. Only the
 * socket calls live here: messages are built and parsed in Java.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "odlbfd_native.h"

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_open0(JNIEnv *env, jclass clazz, jint protocol,
        jint groups, jint rcvbuf)
{
    (void) clazz;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
    if (fd < 0) {
        odlbfd_throw_errno(env, "socket(AF_NETLINK)", errno);
        return -1;
    }
    if (rcvbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf)) < 0) {
        int err = errno;
        close(fd);
        odlbfd_throw_errno(env, "setsockopt(SO_RCVBUF)", err);
        return -1;
    }
    /* Strict checking: the kernel reports unknown attributes instead of ignoring them. */
    int one = 1;
    (void) setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
    struct sockaddr_nl local;
    memset(&local, 0, sizeof(local));
    local.nl_family = AF_NETLINK;
    local.nl_groups = (unsigned int) groups;
    if (bind(fd, (struct sockaddr *) &local, sizeof(local)) < 0) {
        int err = errno;
        close(fd);
        odlbfd_throw_errno(env, "bind(AF_NETLINK)", err);
        return -1;
    }
    return fd;
}

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_portId0(JNIEnv *env, jclass clazz, jint fd)
{
    (void) clazz;
    struct sockaddr_nl local;
    socklen_t len = sizeof(local);
    if (getsockname(fd, (struct sockaddr *) &local, &len) < 0) {
        odlbfd_throw_errno(env, "getsockname(AF_NETLINK)", errno);
        return -1;
    }
    return (jint) local.nl_pid;
}

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_send0(JNIEnv *env, jclass clazz, jint fd,
        jobject buffer, jint offset, jint length)
{
    (void) clazz;
    char *base = odlbfd_direct(env, buffer, offset, length);
    if (base == NULL) {
        return -1;
    }
    struct sockaddr_nl kernel;
    memset(&kernel, 0, sizeof(kernel));
    kernel.nl_family = AF_NETLINK;
    ssize_t sent;
    do {
        sent = sendto(fd, base, (size_t) length, 0, (struct sockaddr *) &kernel, sizeof(kernel));
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        odlbfd_throw_errno(env, "sendto(AF_NETLINK)", errno);
        return -1;
    }
    return (jint) sent;
}

/* Returns the datagram's length, 0 on timeout; a datagram larger than the buffer is an error. */
JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_receive0(JNIEnv *env, jclass clazz, jint fd,
        jobject buffer, jint offset, jint length, jint timeoutMillis)
{
    (void) clazz;
    char *base = odlbfd_direct(env, buffer, offset, length);
    if (base == NULL) {
        return -1;
    }
    struct pollfd pfd = { .fd = fd, .events = POLLIN, .revents = 0 };
    int ready;
    do {
        ready = poll(&pfd, 1, timeoutMillis);
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) {
        odlbfd_throw_errno(env, "poll(AF_NETLINK)", errno);
        return -1;
    }
    if (ready == 0) {
        return 0;
    }
    ssize_t got;
    do {
        got = recv(fd, base, (size_t) length, MSG_TRUNC);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        odlbfd_throw_errno(env, "recv(AF_NETLINK)", errno);
        return -1;
    }
    if (got > length) {
        odlbfd_throw_errno(env, "recv(AF_NETLINK): datagram larger than the buffer", EMSGSIZE);
        return -1;
    }
    return (jint) got;
}

JNIEXPORT void JNICALL Java_org_odlbfd_impl_linux_Netlink_close0(JNIEnv *env, jclass clazz, jint fd)
{
    (void) env;
    (void) clazz;
    close(fd);
}
