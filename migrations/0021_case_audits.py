# Generated from a schema diff on 2026-12-03 14:19.
from peewee import *
import datetime

def up(migrator, db):
    class Action(Model):
        class Meta:
            database = db
            table_name = 'action'

    class Agency(Model):
        class Meta:
            database = db
            table_name = 'agency'

    class Cycle(Model):
        class Meta:
            database = db
            table_name = 'cycle'

    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class CaseAudit(Model):
        version = IntegerField(default=1)
        cycle = ForeignKeyField(Cycle, on_delete='RESTRICT')
        topic = CharField()
        reason = TextField(default='')
        reason_source = CharField(default='')
        cases_chosen_by = DateField(null=True)
        returns_due = DateField(null=True)
        meeting_on = DateField(null=True)
        board_on = DateField(null=True)
        status = CharField(default='planned')
        domains = TextField(default='The voice of the child\nAssessment of risk\nInformation sharing\nMulti-agency working\nManagement oversight\nOutcome for the child')
        method = TextField(default='')
        summary = TextField(default='')
        good_practice = TextField(default='')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'case_audit'
    db.create_tables([CaseAudit])

    class Case(Model):
        version = IntegerField(default=1)
        audit = ForeignKeyField(CaseAudit, on_delete='CASCADE')
        reference = CharField()
        locality = CharField(default='')
        criteria = TextField(default='')
        children = IntegerField(default=1)
        good_practice = TextField(default='')
        meeting_notes = TextField(default='')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'case'
            indexes = ((('audit', 'reference'), True),)
    db.create_tables([Case])

    class AgreedGrade(Model):
        version = IntegerField(default=1)
        case = ForeignKeyField(Case, on_delete='CASCADE')
        domain = CharField()
        grade = CharField(default='')
        note = TextField(default='')
        class Meta:
            database = db
            table_name = 'agreed_grade'
            indexes = ((('case', 'domain'), True),)
    db.create_tables([AgreedGrade])

    class AuditAttendance(Model):
        audit = ForeignKeyField(CaseAudit, on_delete='CASCADE')
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        attended = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'audit_attendance'
            indexes = ((('audit', 'agency'), True),)
    db.create_tables([AuditAttendance])

    class AuditRecommendation(Model):
        audit = ForeignKeyField(CaseAudit, on_delete='CASCADE')
        text = TextField()
        agency = ForeignKeyField(Agency, null=True, on_delete='SET NULL')
        action = ForeignKeyField(Action, null=True, on_delete='SET NULL')
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'audit_recommendation'
    db.create_tables([AuditRecommendation])

    class AuditTheme(Model):
        audit = ForeignKeyField(CaseAudit, on_delete='CASCADE')
        name = CharField()
        kind = CharField(default='concern')
        class Meta:
            database = db
            table_name = 'audit_theme'
            indexes = ((('audit', 'name'), True),)
    db.create_tables([AuditTheme])

    class CaseAgency(Model):
        case = ForeignKeyField(Case, on_delete='CASCADE')
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'case_agency'
            indexes = ((('case', 'agency'), True),)
    db.create_tables([CaseAgency])

    class CaseReturn(Model):
        version = IntegerField(default=1)
        case = ForeignKeyField(Case, on_delete='CASCADE')
        agency = ForeignKeyField(Agency, on_delete='CASCADE')
        status = CharField(default='draft')
        worked_well = TextField(default='')
        worried_about = TextField(default='')
        needs_to_happen = TextField(default='')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        submitted_at = DateTimeField(null=True)
        submitted_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        reopened_reason = TextField(default='')
        class Meta:
            database = db
            table_name = 'case_return'
            indexes = ((('case', 'agency'), True),)
    db.create_tables([CaseReturn])

    class CaseTheme(Model):
        case = ForeignKeyField(Case, on_delete='CASCADE')
        theme = ForeignKeyField(AuditTheme, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'case_theme'
            indexes = ((('case', 'theme'), True),)
    db.create_tables([CaseTheme])

    class DomainGrade(Model):
        version = IntegerField(default=1)
        return_ = ForeignKeyField(CaseReturn, column_name='return_id', on_delete='CASCADE')
        position = IntegerField(default=0)
        domain = CharField()
        grade = CharField(default='')
        justification = TextField(default='')
        updated_at = DateTimeField(null=True)
        updated_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'domain_grade'
            indexes = ((('return_', 'domain'), True),)
    db.create_tables([DomainGrade])

    class NamedAuditor(Model):
        audit = ForeignKeyField(CaseAudit, on_delete='CASCADE')
        user = ForeignKeyField(User, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'named_auditor'
            indexes = ((('audit', 'user'), True),)
    db.create_tables([NamedAuditor])

    migrator.migrate(migrator.add_column('partnership_settings', 'case_audit_years', IntegerField(default=7)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('partnership_settings', 'case_audit_years'))
    migrator.migrate(migrator.drop_table('named_auditor'))
    migrator.migrate(migrator.drop_table('domain_grade'))
    migrator.migrate(migrator.drop_table('case_theme'))
    migrator.migrate(migrator.drop_table('case_return'))
    migrator.migrate(migrator.drop_table('case_agency'))
    migrator.migrate(migrator.drop_table('audit_theme'))
    migrator.migrate(migrator.drop_table('audit_recommendation'))
    migrator.migrate(migrator.drop_table('audit_attendance'))
    migrator.migrate(migrator.drop_table('agreed_grade'))
    migrator.migrate(migrator.drop_table('case'))
    migrator.migrate(migrator.drop_table('case_audit'))
