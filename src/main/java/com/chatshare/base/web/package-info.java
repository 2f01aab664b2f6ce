/**
 * What the server-rendered pages (Spring MVC controllers) share: the answer when the database
 * cannot be reached.
 */
@NullMarked
package com.chatshare.base.web;

import org.jspecify.annotations.NullMarked;
