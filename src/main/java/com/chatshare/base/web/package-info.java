/**
 * What the server-rendered pages (Spring MVC controllers) share: the answer when the database
 * cannot be reached.
 */
package com.chatshare.base.web;
