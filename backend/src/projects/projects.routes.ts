// REST routes for projects and their members (design section 12): thin wrappers over core/projects. A project the
// caller is not a member of answers 404 exactly like one that does not exist.
import { createRoute, z } from "@hono/zod-openapi";
import { ErrorBody } from "@todo/contract/errors";
import {
  AddMemberInput,
  CreateProjectInput,
  ListProjectsQuery,
  Member,
  MemberList,
  Project,
  ProjectId,
  ProjectList,
  UpdateMemberInput,
  UpdateProjectInput,
  UserId,
} from "@todo/contract/project";
import {
  addMember,
  createProject,
  deleteProject,
  getProject,
  listMembers,
  listProjects,
  removeMember,
  updateMember,
  updateProject,
} from "@todo/core/projects/projects.service";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";
import { changeVia } from "../tasks/via";

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });
const Errors = {
  ...ErrorResponses,
  403: err("The caller's role does not allow this"),
  404: err("No such project (or the caller is not a member)"),
  409: err("The project would be left without an owner"),
};

const IdParam = z.object({
  id: ProjectId.meta({ param: { name: "id", in: "path" }, description: "The project's id" }),
});
const MemberParams = z.object({
  id: ProjectId.meta({ param: { name: "id", in: "path" }, description: "The project's id" }),
  user_id: UserId.meta({ param: { name: "user_id", in: "path" }, description: "The member's user id" }),
});

export function projectsRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["projects"],
      summary: "The projects the caller is a member of, in their manual order",
      security,
      request: { query: ListProjectsQuery },
      responses: { 200: jsonContent(ProjectList, "The projects"), ...Errors },
    }),
    async (c) => c.json({ projects: await listProjects(db, c.var.user.id, c.req.valid("query")) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["projects"],
      summary: "Create a project; the caller becomes its owner",
      security,
      request: { body: { required: true, ...jsonContent(CreateProjectInput, "The project") } },
      responses: { 201: jsonContent(Project, "The created project"), ...Errors },
    }),
    async (c) => c.json(await createProject(db, c.var.user.id, c.req.valid("json"), changeVia(c)), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["projects"],
      summary: "One project",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(Project, "The project"), ...Errors },
    }),
    async (c) => c.json(await getProject(db, c.var.user.id, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags: ["projects"],
      summary: "Rename, recolour, reorder or archive a project (owners)",
      security,
      request: { params: IdParam, body: { required: true, ...jsonContent(UpdateProjectInput, "Fields to change") } },
      responses: { 200: jsonContent(Project, "The project"), ...Errors },
    }),
    async (c) =>
      c.json(await updateProject(db, c.var.user.id, c.req.valid("param").id, c.req.valid("json"), changeVia(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["projects"],
      summary: "Delete a project and all its tasks (owners)",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...Errors },
    }),
    async (c) => {
      await deleteProject(db, c.var.user.id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/members",
      tags: ["projects"],
      summary: "The project's members and their roles",
      security,
      request: { params: IdParam },
      responses: { 200: jsonContent(MemberList, "The members"), ...Errors },
    }),
    async (c) => c.json({ members: await listMembers(db, c.var.user.id, c.req.valid("param").id) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/members",
      tags: ["projects"],
      summary: "Share the project with an existing user by email (owners); sharing again only sets the role",
      security,
      request: { params: IdParam, body: { required: true, ...jsonContent(AddMemberInput, "Email and role") } },
      responses: { 200: jsonContent(Member, "The member"), ...Errors },
    }),
    async (c) =>
      c.json(await addMember(db, c.var.user.id, c.req.valid("param").id, c.req.valid("json"), changeVia(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}/members/{user_id}",
      tags: ["projects"],
      summary: "Change a member's role (owners); the last owner cannot step down",
      security,
      request: { params: MemberParams, body: { required: true, ...jsonContent(UpdateMemberInput, "The new role") } },
      responses: { 200: jsonContent(Member, "The member"), ...Errors },
    }),
    async (c) => {
      const { id, user_id } = c.req.valid("param");
      return c.json(await updateMember(db, c.var.user.id, id, user_id, c.req.valid("json"), changeVia(c)), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}/members/{user_id}",
      tags: ["projects"],
      summary: "Remove a member (owners), or leave with your own user id; the last owner must hand over first",
      security,
      request: { params: MemberParams },
      responses: { 204: { description: "Removed" }, ...Errors },
    }),
    async (c) => {
      const { id, user_id } = c.req.valid("param");
      await removeMember(db, c.var.user.id, id, user_id, changeVia(c));
      return c.body(null, 204);
    },
  );

  return router;
}
