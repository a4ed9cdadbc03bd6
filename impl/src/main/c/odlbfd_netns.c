/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */

/*
 * A netlink socket inside another network namespace (org.odlbfd.impl.linux.Netlink.open with a
 * namespace): the calling thread enters the namespace with setns(2), opens the socket there and
 * returns. A socket stays in the namespace it was created in, whatever thread uses it later, so
 * tests can program routes in a namespace of their own without touching the host's tables.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include "odlbfd_native.h"

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_open0(JNIEnv *env, jclass clazz, jint protocol,
        jint groups, jint rcvbuf);

JNIEXPORT jint JNICALL Java_org_odlbfd_impl_linux_Netlink_openIn0(JNIEnv *env, jclass clazz, jint protocol,
        jint groups, jint rcvbuf, jstring netns)
{
    const char *path = (*env)->GetStringUTFChars(env, netns, NULL);
    if (path == NULL) {
        return -1;
    }
    int target = open(path, O_RDONLY | O_CLOEXEC);
    int err = errno;
    (*env)->ReleaseStringUTFChars(env, netns, path);
    if (target < 0) {
        odlbfd_throw_errno(env, "open(network namespace)", err);
        return -1;
    }
    int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (self < 0) {
        err = errno;
        close(target);
        odlbfd_throw_errno(env, "open(/proc/thread-self/ns/net)", err);
        return -1;
    }
    if (setns(target, CLONE_NEWNET) < 0) {
        err = errno;
        close(self);
        close(target);
        odlbfd_throw_errno(env, "setns(network namespace)", err);
        return -1;
    }
    jint fd = Java_org_odlbfd_impl_linux_Netlink_open0(env, clazz, protocol, groups, rcvbuf);
    /* back home before anything else: this thread is a JVM thread that others share */
    int back = setns(self, CLONE_NEWNET);
    err = errno;
    close(self);
    close(target);
    if (back < 0 && !(*env)->ExceptionCheck(env)) {
        if (fd >= 0) {
            close(fd);
        }
        odlbfd_throw_errno(env, "setns(back to the original network namespace)", err);
        return -1;
    }
    return fd;
}
