// A project (a list of tasks, possibly shared) and its members: JSON shapes and the inputs that create and change
// them. Each user also has an Inbox: their tasks with `project_id: null`, never shared.
import { z } from "zod";
import { Role } from "./enums";
import { LIMITS } from "./limits";
import { NO_NUL, NO_NUL_MESSAGE, stripBidiControls } from "./text";

/** Opaque, stable project id (random, URL-safe). */
export const ProjectId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "Project id is not valid")
  .meta({ description: "Opaque project id", example: "pK3v9xQ2mT7wZ1aB" });
export type ProjectId = z.infer<typeof ProjectId>;

export const ProjectName = z
  .string()
  .regex(NO_NUL, `Name ${NO_NUL_MESSAGE}`)
  .overwrite(stripBidiControls)
  .trim()
  .min(1, "Name must not be empty")
  .max(LIMITS.projectName, `Name must be at most ${LIMITS.projectName} characters`)
  .meta({ description: `Project name, 1–${LIMITS.projectName} characters (trimmed)`, example: "Groceries" });

export const DEFAULT_PROJECT_COLOR = "#6b7280";
export const ProjectColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "Colour must be #rrggbb")
  .transform((s) => s.toLowerCase())
  .meta({ description: "Colour as #rrggbb", example: "#2563eb" });

export const Position = z
  .number()
  .finite("position must be a finite number")
  .min(-1e12, "position is out of range")
  .max(1e12, "position is out of range")
  .meta({ description: "Manual order: smaller first", example: 1024 });

export const Project = z
  .object({
    id: ProjectId,
    name: z.string(),
    color: z.string(),
    position: z.number(),
    archived: z.boolean(),
    role: Role.meta({ description: "The caller's role in the project" }),
    members: z.number().int().meta({ description: "How many members the project has" }),
    pending: z.number().int().meta({ description: "How many of its tasks are not done" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof Project>;

export const ProjectList = z.object({ projects: z.array(Project) });
export type ProjectList = z.infer<typeof ProjectList>;

export const CreateProjectInput = z.strictObject({
  name: ProjectName,
  color: ProjectColor.optional(),
  position: Position.optional(),
});
export type CreateProjectInput = z.output<typeof CreateProjectInput>;

export const UpdateProjectInput = z.strictObject({
  name: ProjectName.optional(),
  color: ProjectColor.optional(),
  position: Position.optional(),
  archived: z.boolean().optional(),
});
export type UpdateProjectInput = z.output<typeof UpdateProjectInput>;

export const ListProjectsQuery = z.strictObject({
  archived: z
    .enum(["false", "true", "all"])
    .default("false")
    .meta({ description: "false: active projects (default); true: archived only; all: both" }),
});
export type ListProjectsQuery = z.output<typeof ListProjectsQuery>;

export const Member = z
  .object({
    user_id: z.string(),
    name: z.string(),
    email: z.string(),
    role: Role,
    joined_at: z.string(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const Email = z
  .string()
  .trim()
  .max(LIMITS.email, `Email must be at most ${LIMITS.email} characters`)
  .pipe(z.email("Must be an email address"))
  .transform((s) => s.toLowerCase())
  .meta({ description: "Email of an existing user of this server", example: "sam@example.com" });

/** Shares a project with an existing user; sharing again with the same email changes nothing but the role. */
export const AddMemberInput = z.strictObject({ email: Email, role: Role });
export type AddMemberInput = z.output<typeof AddMemberInput>;

export const UpdateMemberInput = z.strictObject({ role: Role });
export type UpdateMemberInput = z.output<typeof UpdateMemberInput>;

export const UserId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "User id is not valid");
