/**
 * Value objects of authentication: verified identities, token scopes and grants.
 */
package io.berth.auth.entity;
