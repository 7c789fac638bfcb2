/**
 * Value objects of authentication, free of HTTP and of the database: the credentials a request carries
 * ({@link io.berth.auth.entity.Credentials}), token scopes and their grammar ({@link io.berth.auth.entity.ResourceScope}),
 * a verified or issued token, what a {@code /v2/} request needs ({@link io.berth.auth.entity.RequiredAccess}, from
 * its method and path) and the decision about it ({@link io.berth.auth.entity.AccessDecision}); and what a console
 * session remembers of its login ({@link io.berth.auth.entity.SessionLogin}).
 */
package io.berth.auth.entity;
